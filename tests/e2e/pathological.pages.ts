/** The pathological pages of tests/e2e/pathological.e2e.ts, built in the browser by their own scripts. */

/** Runs first in every page: records long tasks, and the moment the page's own build script ended. */
const PROBE = `<script>window.__long=[];window.__built=Infinity;try{new PerformanceObserver(function(l){for(const e of l.getEntries())window.__long.push([e.startTime,e.duration]);}).observe({type:'longtask',buffered:true});}catch(e){}</script>`;
const BUILT = `<script>window.__built=performance.now();</script>`;
const PROSE = Array.from({ length: 10 }, (_, i) => `<p>Paragraph ${i + 1} of ordinary running prose, long enough that the page reads as an article to any reasonable detector. It has sentences of normal length, with commas and full stops where a reader expects them, and it talks at some length about nothing in particular. Reading tools decide whether a page is an article from how much running prose it holds, so this page holds enough of it to pass that test without trying to be interesting.</p>`).join('');
/**
 * The page's own rendering of a huge DOM is the page's cost, not the extension's: huge parts are laid out lazily
 * (content-visibility: auto), as long pages do, so the long tasks measured are mostly the extension's work.
 */
const LAZY = `<style>.lazy{content-visibility:auto;contain-intrinsic-size:auto 2000px}</style>`;
const REFS = `<h2>References</h2><ol><li>Doe, J. (2020). A study. Journal of Tests. <a href="https://doi.org/10.1000/1">doi</a></li><li>Roe, R. (2021). Another study without a link.</li></ol>`;
const page = (title: string, body: string, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${PROBE}${head}</head><body>${body}${BUILT}</body></html>`;

export const PAGES: Record<string, string> = {
  '/million.html': page('A page of a million elements', `<main><article id="a"><h1>A page of a million elements</h1>${PROSE}</article></main><script>
    (function(){const words=['alpha','beta','gamma','delta','epsilon','zeta'];let p='';for(let i=0;i<24;i++)p+=i%6===5?'<a href="#s1">'+words[i%6]+'</a> ':i%2?'<em>'+words[i%6]+' x</em> ':'<span>'+words[i%6]+' y z</span> ';
    const block='<p>'+p+'</p>';let html='';for(let s=0;s<100;s++){html+='<h2 id="s'+s+'">Part '+s+'</h2><div class="lazy">'+block.repeat(400)+'</div>';}document.getElementById('a').insertAdjacentHTML('beforeend',html);})();</script>`, LAZY),
  '/deep.html': page('Ten thousand levels deep', `<article id="a"><h1>Ten thousand levels deep</h1>${PROSE}</article><script>
    (function(){let el=document.createElement('div');el.hidden=true;document.getElementById('a').appendChild(el);for(let i=0;i<10000;i++){const d=document.createElement('div');el.appendChild(d);el=d;}el.textContent='The bottom of a very deep page.';})();</script>`, LAZY),
  '/links.html': page('A hundred thousand links', `<article id="a"><h1>A hundred thousand links</h1>${PROSE}<h2>References</h2><ol id="l"></ol></article><script>
    (function(){let h='';for(let i=0;i<100000;i++)h+='<li>Entry '+i+'. <a href="https://example.org/'+i+'">link '+i+'</a></li>';document.getElementById('l').innerHTML=h;})();</script>`),
  '/text50mb.html': page('One text node of 50 MB', `<article id="a"><h1>One text node of 50 MB</h1>${PROSE}<p id="t" class="lazy"></p></article><script>
    document.getElementById('t').appendChild(document.createTextNode('word '.repeat(10000000)));</script>`, LAZY),
  '/mutating.html': page('A page that changes every frame', `<article id="a"><h1>A page that changes every frame</h1>${PROSE}<h2>Live</h2><p id="live">0</p>${REFS}</article><script>
    (function(){let n=0;const live=document.getElementById('live');const a=document.getElementById('a');function tick(){n++;live.textContent='tick '+n;const s=document.createElement('span');s.textContent='x';a.appendChild(s);if(a.lastChild&&n%2)a.removeChild(a.lastChild);}
    (function frame(){tick();requestAnimationFrame(frame);})();setInterval(tick,16);})();</script>`),
  '/poisoned.html': page('A page that poisons its own world', `<article><h1>A page that poisons its own world</h1>${PROSE}<h2>Method</h2><p>More prose under the method heading, written to be read.</p>${REFS}</article><script>
    Array.prototype.map=function(){throw new Error('poisoned map');};Array.prototype.forEach=function(){throw new Error('poisoned forEach');};
    Object.defineProperty(Node.prototype,'textContent',{get(){return 'POISONED';},configurable:true});
    window.getComputedStyle=function(){throw new Error('poisoned getComputedStyle');};</script>`),
  '/frames-shadow.html': page('Frames and shadow roots', `<article id="a"><h1>Frames and shadow roots</h1>${PROSE}<iframe srcdoc="<h1>Inside a frame</h1><p>Framed text.</p>"></iframe><div id="host"></div><iframe src="/seed-article.html"></iframe>${REFS}</article><script>
    (function(){const r=document.getElementById('host').attachShadow({mode:'open'});r.innerHTML='<h2>In a shadow root</h2><p>Shadowed prose.</p>';let h=r;for(let i=0;i<50;i++){const d=document.createElement('div');h.appendChild(d);h=d.attachShadow({mode:'open'});}h.innerHTML='<h2>Fifty shadows deep</h2>';})();</script>`),
  '/frameset.html': `<!DOCTYPE html><html><head><title>A frameset</title>${PROBE}</head><frameset cols="50%,50%"><frame src="/seed-article.html"><frame src="/not-article.html"></frameset></html>`,
  '/navigating.html': page('A page that navigates itself', `<article id="a"><h1 id="h">A page that navigates itself</h1>${PROSE}${REFS}</article><script>
    (function(){let n=0;setInterval(function(){n++;history.pushState({n},'', '/navigating.html?step='+n);document.getElementById('h').textContent='A page that navigates itself, step '+n;},100);})();</script>`),
};

