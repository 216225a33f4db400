import { createApp } from 'vue';
import 'task-progress/define';
// Adds <task-progress> to Vue's template types.
import type {} from 'task-progress/vue';
import App from './App.vue';

createApp(App).mount('#app');
