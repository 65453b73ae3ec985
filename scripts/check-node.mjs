// Refuses to start on a Node.js older than the project supports, in one clear line.
// Plain JavaScript so that it runs before anything else is loaded.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Channelwise needs Node.js 20.19 or newer (this is ${process.versions.node}). Install a current LTS and try again.`);
  process.exit(1);
}
