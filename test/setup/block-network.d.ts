/** Types of the network-blocking preload (block-network.js, plain JavaScript for spawned processes). */
export declare const BLOCKED_CODE: 'EMIIT95_NETWORK_BLOCKED';
/** True for a host that stays on this machine (loopback, localhost, or none). */
export declare function isLoopback(host: string | undefined | null): boolean;
/** The attempts blocked in this process so far (a live array). */
export declare const attempts: string[];
