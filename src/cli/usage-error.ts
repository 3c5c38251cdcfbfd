import { InvalidArgumentError } from "commander";
import { PaperfeedError } from "../core/errors.js";

/** A mistake on the command line that commander cannot catch itself (exit code 2). */
export const usageError = (message: string) => new PaperfeedError("cli", "usage", message);

/** Option parser for an integer in [min, max]; commander reports a failure as a usage error. */
export function integerIn(min: number, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
      throw new InvalidArgumentError(`must be an integer ${min}–${max}`);
    }
    return Number(text);
  };
}
