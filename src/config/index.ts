export type { Config, LogLevel } from "./types.js";
export { loadConfig, type ConfigFlags, type LoadConfigInput } from "./load.js";
export { FIELDS as CONFIG_FIELDS, LOG_LEVELS } from "./fields.js";
