/**
 * The portal's own inline script (app/layout.tsx): applies the visitor's
 * remembered article font size and 关怀模式 before first paint. Kept here so
 * the tamper checker can tell it from an injected script.
 */
export const RESTORE_PREFERENCES_SCRIPT = `(function(){try{var d=document.documentElement,f=localStorage.getItem("article-font");if(f==="l"||f==="m"||f==="s")d.dataset.articleFont=f;var area=location.pathname.split("/")[1];if(localStorage.getItem("care-mode")==="on"&&area!=="admin"&&area!=="login")d.dataset.care="on"}catch(e){}})()`;
