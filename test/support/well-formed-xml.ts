/** A small strict check of XML 1.0 well-formedness: balanced tags, quoted attributes, known entities. */
export function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  const checkText = (text: string): void => {
    for (const entity of text.match(/&[^;]*;?/g) ?? []) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(entity)) throw new Error(`bad entity ${JSON.stringify(entity)}`);
    }
    if (text.includes('>') && /]]>/.test(text)) throw new Error('"]]>" in text');
  };
  let position = 0;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    position = token.lastIndex;
    const [, closing, name, attributes, selfClosing, text, stray] = match;
    if (stray) throw new Error(`stray "<" at ${match.index}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
      checkText(text);
      continue;
    }
    for (const attribute of (attributes ?? '').matchAll(/"([^"]*)"/g)) checkText(attribute[1] ?? '');
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (!selfClosing) {
      stack.push(name as string);
    }
  }
  if (position !== body.length) throw new Error(`cannot read XML at ${position}`);
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
}
