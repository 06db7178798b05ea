// pino / fast-redact path strings as key lists: `user.email` → ['user','email'], `*.phone` →
// ['*','phone'], `a["x-y"].b` → ['a','x-y','b'], `users[*].email` and `users[0].email` →
// ['users','[]','email'] ('[]' is an element of an array, or any key: the flow analysis does not
// know which), and back to text for the hover.
const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[\w$-]/;

/** The keys of a redaction path; undefined when it does not parse. */
export function parseRedactPath(text: string): string[] | undefined {
  const segments: string[] = [];
  let index = 0;
  const length = text.length;
  const readName = (): string | undefined => {
    if (text[index] === '*') {
      index++;
      return '*';
    }
    const start = index;
    if (!IDENTIFIER_START.test(text[index] ?? '')) return undefined;
    while (index < length && IDENTIFIER_PART.test(text[index])) index++;
    return text.slice(start, index);
  };
  const first = readName();
  if (first === undefined) return undefined;
  segments.push(first);
  while (index < length) {
    const char = text[index];
    if (char === '.') {
      index++;
      const name = readName();
      if (name === undefined) return undefined;
      segments.push(name);
    } else if (char === '[') {
      const close = text.indexOf(']', index);
      if (close < 0) return undefined;
      const inner = text.slice(index + 1, close).trim();
      index = close + 1;
      const quoted = /^(['"`])(.*)\1$/.exec(inner);
      if (quoted) segments.push(quoted[2]);
      else if (inner === '*' || /^\d+$/.test(inner)) segments.push('[]');
      else return undefined;
    } else {
      return undefined;
    }
  }
  return segments;
}

/** A key list as a path text again, for the hover: ['users','[]','email'] → 'users[*].email'. */
export function pathText(path: readonly string[]): string {
  if (path.length === 0) return '(everything)';
  let text = '';
  for (const segment of path) {
    if (segment === '[]') text += '[*]';
    else if (segment === '*' || /^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
