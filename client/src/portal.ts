import { createPortalApp } from './apps/portal/createPortalApp';
import './shared/styles/app.css';
import './shared/styles/portal.css';

createPortalApp().mount('#app');
