/** The part of citation-js's API the export tests use (the package ships no types). */
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    /** The parsed records as CSL-JSON items. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- CSL-JSON items of any type; tests narrow them
    data: any[];
    /** Formats the records (with @citation-js/plugin-csl: "bibliography" in a CSL style). */
    format(kind: string, options?: Record<string, unknown>): unknown;
  }
}
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
