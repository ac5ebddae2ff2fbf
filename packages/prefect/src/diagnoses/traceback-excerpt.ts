/** The last line of a Python traceback: "SomeError: message" (dotted names allowed). */
const EXCEPTION_LINE =
  /^\s*([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Failure|Timeout))\b(?::\s*(.*))?$/;

/** The last exception line in a text ("RuntimeError: ..."), if any. */
export function lastExceptionLine(text: string): string | undefined {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (EXCEPTION_LINE.test(line)) return line.trim();
  }
  return undefined;
}

/** The exception type and message of a line from lastExceptionLine. */
export function parseExceptionLine(line: string): { type: string; message?: string | undefined } {
  const match = EXCEPTION_LINE.exec(line);
  return { type: match?.[1] ?? line, message: match?.[2] };
}

/**
 * A log message cut to `max` characters that keeps the exception line: Python prints it last, so
 * a plain cut of a long traceback would drop exactly the line that names the error.
 */
export function excerptMessage(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const exception = lastExceptionLine(text);
  const head = text.slice(0, Math.max(0, max - (exception?.length ?? 0) - 40));
  if (!exception || head.includes(exception)) {
    return { text: `${text.slice(0, max)}… [${text.length - max} more chars]`, truncated: true };
  }
  return { text: `${head}\n… [cut] …\n${exception}`, truncated: true };
}
