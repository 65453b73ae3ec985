// Refuses to start on a Node.js older than the project supports, in one clear line.
// Plain JavaScript so that it runs before anything else is loaded.
import { isSupportedNode, MINIMUM_NODE } from "./node-version.mjs";

if (!isSupportedNode(process.versions.node)) {
  console.error(`Channelwise needs Node.js ${MINIMUM_NODE} or newer (this is ${process.versions.node}). Install a current LTS and try again.`);
  process.exit(1);
}
