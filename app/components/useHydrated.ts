// False while server rendering and hydrating, true once the browser has taken over: for parts
// that can only be drawn in a browser (charts that measure their container).
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
