/**
 * Signs that a description addresses the model rather than describing the tool: the shapes of
 * tool poisoning seen in the wild. Deliberately narrow (every match is reported as risky, and a
 * false alarm costs a reviewer's time); ordinary "When to use this tool" guidance does not match.
 */
const INDICATORS: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  {
    label: 'tag block aimed at the model',
    // Attributes are bounded: with `[^>]*`, a megabyte of `<important ` without a `>` took a minute.
    pattern: /<\s*\/?\s*(important|system|instructions?|secret|hidden|admin|assistant|critical)\b[^<>]{0,200}>/i,
  },
  {
    label: 'invisible Unicode characters',
    // Zero-width and bidi controls, tag characters (ASCII smuggling), and runs of variation selectors
    // (bytes hidden after one visible character). A zero-width joiner inside an emoji sequence
    // (👨‍👩‍👧) and a single variation selector (⚠️) are ordinary text.
    pattern:
      /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]|(?<![\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})|[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]{2}/u,
  },
  {
    label: 'instruction to ignore other instructions',
    pattern: /\b(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+)?(previous|prior|above|earlier|other|system)\s+(instructions|rules|directions|prompts?)/i,
  },
  {
    label: 'instruction to hide something from the user',
    pattern: /\b(do not|don't|dont|never)\s+(tell|mention|inform|reveal|show|notify|alert)\b[^.\n]{0,40}\buser/i,
  },
  {
    label: 'instruction to read files or secrets',
    pattern:
      /\b(read|open|cat|load|access|include|attach|fetch)\b[^.\n]{0,60}(~\/|\.ssh\b|id_rsa|id_ed25519|\.env\b|\.aws\b|\.npmrc|credentials|mcp\.json|\/etc\/passwd|private key|api[ _-]?keys?\b|tokens?\b.{0,10}\bfile)/i,
  },
  {
    label: 'instruction to send data elsewhere',
    pattern:
      /\b(send|forward|post|upload|transmit|exfiltrate|e-?mail|leak)\b[^.\n]{0,80}\b(to|into)\s+(https?:\/\/|[\w.+-]+@[\w-]+\.[\w.]+|(the\s+)?(attacker|external|remote|following)\b)/i,
  },
  {
    label: 'instruction to pass content through a parameter',
    pattern: /\bpass\b[^.\n]{0,40}\b(its|the|their|file)\s+contents?\b[^.\n]{0,30}\bas\b/i,
  },
];

export function modelInstructionIndicators(text: string | undefined): string[] {
  if (!text) return [];
  return INDICATORS.filter((indicator) => indicator.pattern.test(text)).map((indicator) => indicator.label);
}
