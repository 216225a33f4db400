/** @jsxImportSource preact */
// This page shares its Vite config with the React one: the pragma picks Preact's JSX for this file
// (a Preact app sets `jsxImportSource` in its tsconfig.json, as this folder's does for tsc).
import { render } from 'preact';
import { App } from './App.js';

render(<App />, document.getElementById('app') as HTMLElement);
