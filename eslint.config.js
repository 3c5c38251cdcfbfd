import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // What git ignores is not ours to lint: scratch files (.tmp/), the addon build (build/), bench output.
  { ignores: ["node_modules/", "dist/", "build/", ".tmp/", "test-artifacts/", "bench/out/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // Progressive-enhancement scripts served to browsers.
    files: ["src/serve/web/assets/**/*.js"],
    languageOptions: {
      globals: {
        document: "readonly",
        window: "readonly",
        navigator: "readonly",
        fetch: "readonly",
        FormData: "readonly",
        URLSearchParams: "readonly",
        HTMLElement: "readonly",
        HTMLFormElement: "readonly",
        setTimeout: "readonly",
      },
    },
  },
);
