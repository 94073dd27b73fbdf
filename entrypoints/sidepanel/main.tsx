import { render } from 'preact';
render(<h1>Citelens</h1>, document.getElementById('app')!);
