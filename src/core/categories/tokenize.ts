// Identifier → lowercase words, the one way every part of the engine reads a name.
//
// Words end at any character that is not a letter or digit (`_ - . $ #` and spaces), at a
// lower→upper change (camelCase), before the last capital of an acronym that starts a
// capitalised word (`XMLHttpRequest` → xml http request, `userIPAddress` → user ip address),
// and between letters and digits (`address2` → address 2, `ipv4Addr` → ipv 4 addr). An acronym
// keeps a plural `s` (`IPs`, `IDs`) and a version `v` before digits (`IPv4`); any other single
// lowercase letter starts a word (`TIn` → t in). Non-ASCII letters are letters.

const enum CharKind {
  Separator,
  Lower,
  Upper,
  Digit,
}

function kindOf(code: number): CharKind {
  if (code >= 97 && code <= 122) return CharKind.Lower;
  if (code >= 65 && code <= 90) return CharKind.Upper;
  if (code >= 48 && code <= 57) return CharKind.Digit;
  if (code < 128) return CharKind.Separator;
  const ch = String.fromCharCode(code);
  if (ch.toLowerCase() !== ch) return CharKind.Upper;
  if (ch.toUpperCase() !== ch) return CharKind.Lower;
  return CharKind.Separator;
}

/** `s` after an acronym is its plural; `v` before digits is a version (`IPv6`). */
function isAcronymSuffix(name: string, at: number): boolean {
  const letter = name.charCodeAt(at);
  if (letter === 115 /* s */) return true;
  return letter === 118 /* v */ && at + 1 < name.length && kindOf(name.charCodeAt(at + 1)) === CharKind.Digit;
}

export function tokenize(name: string): string[] {
  const words: string[] = [];
  const emit = (start: number, end: number): void => {
    words.push(name.slice(start, end).toLowerCase());
  };
  let i = 0;
  const length = name.length;
  while (i < length) {
    const kind = kindOf(name.charCodeAt(i));
    if (kind === CharKind.Separator) {
      i++;
      continue;
    }
    // A maximal run of one kind of character.
    let runEnd = i + 1;
    while (runEnd < length && kindOf(name.charCodeAt(runEnd)) === kind) runEnd++;
    if (kind !== CharKind.Upper || runEnd >= length || kindOf(name.charCodeAt(runEnd)) !== CharKind.Lower) {
      emit(i, runEnd);
      i = runEnd;
      continue;
    }
    // Capitals followed by lowercase letters.
    let lowerEnd = runEnd + 1;
    while (lowerEnd < length && kindOf(name.charCodeAt(lowerEnd)) === CharKind.Lower) lowerEnd++;
    const capitals = runEnd - i;
    if (capitals === 1 || (lowerEnd - runEnd === 1 && isAcronymSuffix(name, runEnd))) {
      // `Address`, or an acronym with a plural/version letter: `IPs`, `IPv4`.
      emit(i, lowerEnd);
    } else {
      // `XMLHttp`: the last capital starts the next word.
      emit(i, runEnd - 1);
      emit(runEnd - 1, lowerEnd);
    }
    i = lowerEnd;
  }
  return words;
}
