import { mount } from 'svelte';
import 'task-progress/define';
import App from './App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
