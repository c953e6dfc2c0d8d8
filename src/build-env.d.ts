/// <reference types="vite-plugin-pwa/vanillajs" />

/** True only in a build made for tests (`vite build --mode test`) and on the dev server. */
declare const __LVS_TEST_API__: boolean;
