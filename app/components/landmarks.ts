// Whether a component renders inside the portal shell, which already provides the page's <main>.
import { createContext, useContext } from "react";

export const InsideShell = createContext(false);

export function useInsideShell(): boolean {
  return useContext(InsideShell);
}
