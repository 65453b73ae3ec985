// The Node.js versions Channelwise supports (package.json "engines": >=20.19.0).
export const MINIMUM_NODE = "20.19.0";

/** True when `version` (e.g. "20.20.2") is at least MINIMUM_NODE. */
export function isSupportedNode(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  const [minMajor, minMinor] = MINIMUM_NODE.split(".").map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
