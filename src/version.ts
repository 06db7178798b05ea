// The tool's version, stamped into reports and cache keys.
export const TOOL_VERSION = '0.1.0';
