// Values that the web server and the root middleware put into each request's router context.
import { createContext } from "react-router";
import type { SessionUser } from "../models/auth/users.ts";

export type RequestInfo = {
  /** Client address as Express derived it (honouring TRUST_PROXY). */
  ip: string;
  /** Per-request nonce for the Content-Security-Policy's inline scripts. */
  cspNonce: string;
};

export const requestInfoContext = createContext<RequestInfo>({ ip: "unknown", cspNonce: "" });
export const userContext = createContext<SessionUser | null>(null);
