export declare const MINIMUM_NODE: string;
export declare function isSupportedNode(version: string): boolean;
