/** Marks the stdout line on which cold-once.js writes its own CPU time (the handler's logs share stdout). */
export const COLD_MARK = '@@COLD ';
