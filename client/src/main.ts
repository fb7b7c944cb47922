import { createConsoleApp } from './apps/console/createConsoleApp';
import './shared/styles/app.css';

createConsoleApp().mount('#app');
