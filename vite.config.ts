import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  build: { chunkSizeWarningLimit: 1200 },
  // Vite's dev dependency scan follows loaders' server-only imports too; the password hasher is a
  // native module with no browser build, and the client never runs it (loaders are stripped).
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
});
