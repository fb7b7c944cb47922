import { createConsoleApp } from './apps/console/createConsoleApp';
import './shared/styles/app.css';
import './shared/styles/time.css';

createConsoleApp().mount('#app');
