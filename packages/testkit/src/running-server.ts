/** A backend server started by the testkit, owned by this process until stop() is called. */
export interface RunningServer {
  /** Base URL clients should use (MLflow: the server root; Prefect: the `/api` URL). */
  url: string;
  /** Temporary directory holding the server's database, artifacts and log; removed by stop(). */
  dir: string;
  /** Process id of the server, which is also its process-group id. */
  pid: number;
  /** Path of the file capturing the server's stdout and stderr. */
  logFile: string;
  /** Terminate the whole process group (SIGTERM, then SIGKILL after a deadline) and remove dir. Idempotent. */
  stop(): Promise<void>;
}

/** Options shared by the server launchers. */
export interface StartServerOptions {
  /** Port to bind; default: a free port chosen by the OS. */
  port?: number;
  /** How long to wait for the health endpoint before giving up; default 90 s. */
  readyTimeoutMs?: number;
  /** Extra environment variables for the server process (override the launcher's defaults). */
  env?: Record<string, string>;
  /**
   * MLflow only: run the real basic-auth app (`--app-name basic-auth`) with this admin user, so
   * tests can prove authenticated access and real 401s.
   */
  basicAuth?: { username: string; password: string };
}
