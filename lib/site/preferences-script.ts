// Applies the visitor's remembered article font size and 关怀模式 before
// first paint, so the text never jumps and React never sees a mismatch (the
// attributes live on <html>, which is marked suppressHydrationWarning). Keys
// match FontSizeSwitch and CareModeToggle. 关怀模式 is for the public site:
// the CMS and its sign-in page have no toggle to leave it, so they never get it.
// The root layout inlines it on every page; the admin's nonce policy allows it
// by its hash (lib/security/headers.ts), since a cached layout cannot carry a nonce.
export const restorePreferences = `(function(){try{var d=document.documentElement,f=localStorage.getItem("article-font");if(f==="l"||f==="m"||f==="s")d.dataset.articleFont=f;var area=location.pathname.split("/")[1];if(localStorage.getItem("care-mode")==="on"&&area!=="admin"&&area!=="login")d.dataset.care="on"}catch(e){}})()`;
