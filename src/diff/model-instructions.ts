/**
 * Signs that a description addresses the model rather than describing the tool: the shapes of
 * tool poisoning seen in the wild. Deliberately narrow (every match is reported as risky, and a
 * false alarm costs a reviewer's time); ordinary "When to use this tool" guidance does not match.
 *
 * The instructions to ignore, read, send or pass something start with their verb (`negatable`),
 * and do not count where the same clause forbids that verb: "Do not include API keys in your
 * query" warns against what "Include your API key in the query" asks for. See `forbidden`.
 */
const INDICATORS: ReadonlyArray<{ label: string; pattern: RegExp; negatable?: true }> = [
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
    negatable: true,
  },
  {
    label: 'instruction to hide something from the user',
    pattern: /\b(do not|don't|dont|never)\s+(tell|mention|inform|reveal|show|notify|alert)\b[^.\n]{0,40}\buser/i,
  },
  {
    label: 'instruction to read files or secrets',
    pattern:
      /\b(read|open|cat|load|access|include|attach|fetch)\b[^.\n]{0,60}(~\/|\.ssh\b|id_rsa|id_ed25519|\.env\b|\.aws\b|\.npmrc|credentials|mcp\.json|\/etc\/passwd|private key|api[ _-]?keys?\b|tokens?\b.{0,10}\bfile)/i,
    negatable: true,
  },
  {
    label: 'instruction to send data elsewhere',
    pattern:
      /\b(send|forward|post|upload|transmit|exfiltrate|e-?mail|leak)\b[^.\n]{0,80}\b(to|into)\s+(https?:\/\/|[\w.+-]+@[\w-]+\.[\w.]+|(the\s+)?(attacker|external|remote|following)\b)/i,
    negatable: true,
  },
  {
    label: 'instruction to pass content through a parameter',
    pattern: /\bpass\b[^.\n]{0,40}\b(its|the|their|file)\s+contents?\b[^.\n]{0,30}\bas\b/i,
    negatable: true,
  },
];

/** The verbs the negatable indicators start with, for lists of them ("do not read or include"). */
const VERBS = 'ignore|disregard|forget|override|read|open|cat|load|access|include|attach|fetch|send|forward|post|upload|transmit|exfiltrate|e-?mail|leak|pass';
const APOSTROPHE = "['\u2019]?";
const NEGATION = [
  'do\\s+not', 'does\\s+not', `don${APOSTROPHE}t`, `doesn${APOSTROPHE}t`, 'must\\s+not', `mustn${APOSTROPHE}t`, 'should\\s+not', `shouldn${APOSTROPHE}t`,
  'shall\\s+not', 'will\\s+not', `won${APOSTROPHE}t`, 'may\\s+not', 'cannot', 'can\\s+not', `can${APOSTROPHE}t`, 'never', 'not\\s+to', 'avoid',
].join('|');
/**
 * The end of a clause that forbids the verb right after it: a negation, at most "ever", "try to"
 * or "attempt to", and other verbs of the list joined by "or"/"nor" ("never read or include").
 * Nothing else may stand between: "do not hesitate to include", "do not forget to read" and
 * "don't worry, read" ask for what follows.
 */
const FORBIDS = new RegExp(`\\b(?:${NEGATION})\\s+(?:(?:ever|try\\s+to|attempt\\s+to)\\s+)?(?:(?:${VERBS})\\s*,?\\s+n?or\\s+)*$`, 'i');
/** A negation that sets a condition ("if you don't include ...", "whether or not to include ...") forbids nothing. */
const CONDITION = /\b(?:if|unless|when|whenever|until|otherwise|whether(?:\s+or)?)\s+(?:[\w'\u2019-]+\s+){0,2}$/i;
/** Where a clause ends: a full stop, question or exclamation mark before a space (not the dot of `~/.ssh`), a semicolon, a colon, a line break. */
const SENTENCE_END = /[.!?](?=\s)|[;:\n]/g;
/** The clause is searched this far back at most, so that a long text costs linear time. */
const LOOKBACK = 160;

/** Whether the clause that ends at `index` (where a negatable indicator's verb starts) forbids that verb. */
function forbidden(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - LOOKBACK), index);
  let start = 0;
  for (const boundary of before.matchAll(SENTENCE_END)) start = boundary.index + 1;
  const clause = before.slice(start);
  const negation = FORBIDS.exec(clause);
  return negation !== null && !CONDITION.test(clause.slice(0, negation.index));
}

/** "Do not include anything but ~/.aws/credentials" forbids everything except what it names. */
const EXCEPTION = /\b(?:but|except|other\s+than|besides|apart\s+from|only|unless|instead|save\s+for)\b/i;

/** Whether some match of a negatable pattern stands in a clause that does not forbid its verb. */
function foundUnforbidden(pattern: RegExp, text: string): boolean {
  const all = new RegExp(pattern.source, `${pattern.flags}g`);
  for (let match = all.exec(text); match !== null; match = all.exec(text)) {
    if (EXCEPTION.test(match[0]) || !forbidden(text, match.index)) return true;
    // The next verb may start inside this match ("do not read the docs but include ~/.aws/credentials").
    all.lastIndex = match.index + 1;
  }
  return false;
}

export function modelInstructionIndicators(text: string | undefined): string[] {
  if (!text) return [];
  return INDICATORS.filter((indicator) => (indicator.negatable ? foundUnforbidden(indicator.pattern, text) : indicator.pattern.test(text))).map((indicator) => indicator.label);
}
