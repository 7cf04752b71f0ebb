// Every call the console makes. With --api-token the API answers 401: the console then asks for the
// token once, keeps it for this tab (sessionStorage) and sends it as a bearer token from then on.
// EventSource cannot send headers, so the event stream takes it as ?access_token= instead.
import { $ } from './dom.js';

const KEY = 'eventline.token';
let asking = null;

function headers(extra = {}) {
  const token = sessionStorage.getItem(KEY);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/** Shows the token dialog; resolves once a token was entered. One dialog for all callers. */
function askForToken(wrong) {
  if (!asking) {
    asking = new Promise((resolve) => {
      const dialog = $('#token-dialog');
      $('#token-error').textContent = wrong ? 'That token was refused.' : '';
      dialog.showModal();
      $('#token-form').onsubmit = (event) => {
        event.preventDefault();
        sessionStorage.setItem(KEY, $('#token-input').value);
        dialog.close();
        asking = null;
        resolve();
      };
    });
  }
  return asking;
}

async function call(method, path, body) {
  for (;;) {
    const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }) };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await fetch(path, init);
    if (response.status === 401) {
      await askForToken(sessionStorage.getItem(KEY) !== null);
      continue;
    }
    const type = response.headers.get('Content-Type') || '';
    const payload = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const error = new Error(payload.detail || `${method} ${path} answered ${response.status}`);
      error.status = response.status;
      throw error;
    }
    return payload;
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** The URL of the event stream with these filters, carrying the token when there is one. */
export function streamUrl(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.append(name, value);
  const token = sessionStorage.getItem(KEY);
  if (token) query.append('access_token', token);
  const text = query.toString();
  return '/api/stream' + (text ? `?${text}` : '');
}

/** An EventSource cannot tell a 401 from a dropped connection: one authorised call tells. */
export async function ensureAuthorised() {
  await get('/api/load');
}
