/** The part of citation-js's API the export tests use (the package ships no types). */
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    /** The parsed records as CSL-JSON items. */
    data: any[];
  }
}
declare module "@citation-js/plugin-ris";
