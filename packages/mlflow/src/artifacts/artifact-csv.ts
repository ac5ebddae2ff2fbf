/**
 * Parses the head of a CSV/TSV text (RFC 4180 quoting: quoted fields may hold separators,
 * doubled quotes and newlines) into rows, stopping after `maxRows` data rows. `complete` says
 * whether the text is the whole file: if not, a final row that may be cut off is dropped.
 */
export function parseCsvHead(
  text: string,
  options: { separator: string; maxRows: number; complete: boolean },
): { header: string[]; rows: string[][]; moreRows: boolean } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const limit = options.maxRows + 2; // header + rows + one more to know there are more
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  while (i < text.length && records.length < limit) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === options.separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += char;
    i++;
  }
  const finishedText = i >= text.length;
  // The last record is whole only if the text is the whole file (or it ended with a newline).
  if (finishedText && (field !== '' || record.length > 0) && options.complete && !quoted) {
    endRecord();
  }
  const [header = [], ...data] = records;
  const moreRows = data.length > options.maxRows || !finishedText || !options.complete;
  return { header, rows: data.slice(0, options.maxRows), moreRows };
}
