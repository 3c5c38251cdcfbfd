/** Signals that end a long-running command cleanly: Ctrl-C in a terminal, and what service managers send. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Resolves with the first stop signal. Only the first is caught: a second Ctrl-C while shutting
 * down gets Node's default handling and ends the process at once.
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const name of STOP_SIGNALS) process.off(name, stop);
      resolve(signal);
    };
    for (const name of STOP_SIGNALS) process.on(name, stop);
  });
}
