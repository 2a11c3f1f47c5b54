/** A SARIF `artifactLocation` (§3.4): a URI relative to SRCROOT, or an absolute `file:` URI. */
export interface ArtifactLocation {
  uri: string;
  uriBaseId?: 'SRCROOT';
}

const WINDOWS_DRIVE = /^([A-Za-z]):[\\/]/;
const UNC = /^[\\/]{2}([^\\/]+)[\\/]/;

function encodeSegments(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/**
 * Where a report location points, as SARIF wants it. Report paths are relative to the directory
 * the tool ran in (SRCROOT) when the file is under it, and absolute otherwise. A relative
 * reference must not start with a slash (SARIF1004), so an absolute path becomes a `file:` URI of
 * its own, percent-encoded segment by segment, without `uriBaseId`.
 */
export function artifactLocation(path: string): ArtifactLocation {
  const drive = WINDOWS_DRIVE.exec(path);
  if (drive) return { uri: `file:///${drive[1]}:/${encodeSegments(path.slice(3))}` };
  const unc = UNC.exec(path);
  if (unc) return { uri: `file://${encodeURIComponent(unc[1]!)}/${encodeSegments(path.slice(unc[0].length))}` };
  if (path.startsWith('/') || path.startsWith('\\')) return { uri: `file:///${encodeSegments(path.replace(/^[\\/]+/, ''))}` };
  return { uri: encodeSegments(path.replace(/^\.[\\/]/, '')), uriBaseId: 'SRCROOT' };
}
