import { createRoot } from 'react-dom/client';
import '@/components/page.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
