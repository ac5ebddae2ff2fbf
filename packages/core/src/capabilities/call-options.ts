/** Per-call options every capability method accepts. */
export interface CallOptions {
  /** Aborts the backend request(s), e.g. when the MCP client cancels the tool call. */
  signal?: AbortSignal | undefined;
}
