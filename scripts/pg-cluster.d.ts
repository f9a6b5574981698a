export interface Cluster {
  /** The maintenance database's URL (`postgres://postgres@127.0.0.1:<port>/postgres`), trust auth. */
  url: string;
  /** The temp dir holding the data, the socket and the server's log; removed by stop(). */
  dir: string;
  /** Stops the server and removes its dir. */
  stop(): Promise<void>;
  /** Stops the server but keeps its data, for resume. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

/** Debian's newest PostgreSQL server binaries, or null when none are installed. */
export function findPostgresBin(): string | null;

export function startCluster(
  bin: string,
  options?: { durable?: boolean; detached?: boolean },
): Promise<Cluster>;
