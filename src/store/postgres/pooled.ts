/**
 * What every PostgreSQL store shares: its pool, the server it names in errors, queries whose
 * driver errors become PaperfeedErrors (connect.ts), transactions on one connection, and a close
 * that ends the pool once.
 */
import type pg from "pg";
import { describePgError } from "./connect.js";

export type Queryable = Pick<pg.Pool, "query">;

/**
 * `work` between BEGIN (then `first`, say a lock) and COMMIT on `client`, rolled back if anything
 * throws, which is passed on as thrown; the client goes back to its pool either way.
 */
export async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>, first?: string): Promise<T> {
  try {
    await client.query("BEGIN");
    if (first) await client.query(first);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export abstract class PooledStore {
  private closed = false;

  protected constructor(
    protected readonly pool: pg.Pool,
    protected readonly location: string,
  ) {}

  /** Runs queries, turning driver errors into PaperfeedErrors that name the server. */
  protected async run<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (error) {
      throw describePgError(this.location, error);
    }
  }

  /** Runs `work` in one transaction on one connection (`first` right after BEGIN), errors as `run`'s. */
  protected transaction<T>(work: (client: pg.PoolClient) => Promise<T>, first?: string): Promise<T> {
    return this.run(async () => {
      const client = await this.pool.connect();
      return inTransaction(client, () => work(client), first);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
