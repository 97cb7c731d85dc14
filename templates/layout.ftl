<#-- Shared page frame. Every link is relative (rootpath) so the site works from file:// too. -->
<#--
  description: the page's <meta name="description"> and og:description (a chapter's description=
  header). ogType: "article" for a chapter. og:url only when jbake.properties names the site's
  address (site.url): the site is not tied to a domain it was not given.
-->
<#macro page title root toc=[] chapterUri="" description="" ogType="website">
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<#--
  Content-Security-Policy, first in <head> so it governs every script and style after it. Scripts,
  stylesheets and images load only from the site's own files, so an inline <script>, an on…=
  handler or a javascript: URL that reached a page would not run; nothing is framed or embedded,
  and no <base> or form can send the reader elsewhere. 'self' is the page's origin on any static
  host, and a page opened from file:// may load the site's files beside it (Chromium and Firefox
  both allow it; BrowserE2eTest opens the site that way).
  style-src allows 'unsafe-inline' for one reason: each math image carries its own size and
  baseline shift in a style attribute (width and vertical-align in em, set by MathSvg), which no
  stylesheet of the site can know in advance. A style attribute cannot run script, and chapters
  may not write one (the verifier refuses style= in raw HTML). style-src-elem 'self' then forbids
  <style> elements again in every browser that knows it (all current ones); an older browser falls
  back to style-src and still sizes the math. frame-ancestors cannot be set from a <meta>.
-->
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; style-src-elem 'self'; img-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title?html} · ${config.site_title?html}</title>
<#if description?has_content>
<meta name="description" content="${description?html}">
</#if>
<meta property="og:title" content="${title?html} · ${config.site_title?html}">
<#if description?has_content>
<meta property="og:description" content="${description?html}">
</#if>
<meta property="og:type" content="${ogType}">
<meta property="og:site_name" content="${config.site_title?html}">
<#if (config.site_url!"")?has_content && chapterUri?has_content>
<meta property="og:url" content="${config.site_url?html}<#if chapterUri != "index.html">${chapterUri?html}</#if>">
</#if>
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/guide.css">
<link rel="stylesheet" href="${root}assets/print.css" media="print">
<script src="${root}assets/theme.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="${root}index.html">${config.site_title?html}</a>
<form class="search" role="search" action="#">
<label for="search-input" class="visually-hidden">Search the guide</label>
<#-- An ARIA combobox (search.js); disabled until that script runs, so a reader without JavaScript sees no dead field. -->
<input type="search" id="search-input" placeholder="Search the guide (press /)" autocomplete="off" spellcheck="false"
  role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="search-results" disabled>
<ul id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden></ul>
<p id="search-status" class="visually-hidden" role="status"></p>
</form>
<a class="jump-nav" href="#contents">Contents</a>
<#-- No aria-label: the name a speech user says is the text they see ("Dark theme"), which theme.js keeps current. -->
<button type="button" id="theme-toggle" class="theme-toggle" hidden>Dark theme</button>
</header>
<div class="layout">
<nav class="book-nav" id="contents" aria-label="Chapters">
<h2>Chapters</h2>
<ol>
<#-- A chapter's page brings the chapter list in book order; the home page and the appendix ask JBake. -->
<#list (content.chapters)!(published_pages?sort_by("book_order")) as ch>
<li<#if ch.uri == chapterUri> aria-current="page" class="current"</#if>><a href="${root}${ch.uri}">${ch.title?html}</a></li>
</#list>
</ol>
<p><a href="${root}formula-appendix.html"<#if chapterUri == "formula-appendix.html"> aria-current="page"</#if>>Formula appendix</a></p>
<#if (config.guide_card!"false") == "true">
<p><a href="${root}quick-reference.html"<#if chapterUri == "quick-reference.html"> aria-current="page"</#if>>Quick reference</a></p>
</#if>
<#if (config.guide_pdfs!"false") == "true">
<p class="downloads"><a href="${root}guide.pdf">Guide (PDF)</a> · <a href="${root}formula-appendix.pdf">Appendix (PDF)</a><#if (config.guide_card!"false") == "true"> · <a href="${root}quick-reference.pdf">Quick reference (PDF)</a></#if></p>
</#if>
</nav>
<main id="main">
<#nested>
</main>
<#if toc?has_content>
<nav class="page-toc" aria-label="On this page">
<h2>On this page</h2>
<ol><#list toc as h><li><a href="#${h.id?html}">${h.text?html}</a></li></#list></ol>
</nav>
</#if>
</div>
<#-- The commit the site was built from (GuideVersion): fixed by the commit, so rebuilds are identical. -->
<footer class="site-footer"><p>${config.site_title?html} · ${(config.guide_version!"Unversioned")?html}</p></footer>
<script src="${root}assets/search.js"></script>
<#if toc?has_content>
<script src="${root}assets/toc.js"></script>
</#if>
</body>
</html>
</#macro>
