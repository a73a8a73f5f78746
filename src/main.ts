import { mount } from 'svelte';
import App from './ui/App.svelte';
import { registerOffline } from './offline/register-offline.ts';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
export default mount(App, { target });
// Precaches the app and its Python runtime so later starts work with the network off.
//registerOffline();
