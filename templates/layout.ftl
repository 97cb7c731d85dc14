<#-- Shared page frame. Every link is relative (rootpath) so the site works from file:// too. -->
<#macro page title root toc="" chapterUri="">
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title?html} · ${config.site_title?html}</title>
<link rel="stylesheet" href="${root}assets/guide.css">
<link rel="stylesheet" href="${root}assets/print.css" media="print">
<script src="${root}assets/theme.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="${root}index.html">${config.site_title?html}</a>
<form class="search" role="search" action="#" onsubmit="return false">
<label for="search-input" class="visually-hidden">Search the guide</label>
<input type="search" id="search-input" placeholder="Search formulas, symbols, text" autocomplete="off" disabled>
<ol id="search-results" class="search-results" hidden></ol>
</form>
<button type="button" id="theme-toggle" class="theme-toggle" hidden aria-label="Switch between light and dark theme">Theme</button>
</header>
<div class="layout">
<nav class="book-nav" aria-label="Chapters">
<h2>Chapters</h2>
<ol>
<#-- A chapter's page brings the chapter list in book order; the home page and the appendix ask JBake. -->
<#list (content.chapters)!(published_pages?sort_by("book_order")) as ch>
<li<#if ch.uri == chapterUri> aria-current="page" class="current"</#if>><a href="${root}${ch.uri}">${ch.title?html}</a></li>
</#list>
</ol>
<p><a href="${root}formula-appendix.html"<#if chapterUri == "formula-appendix.html"> aria-current="page"</#if>>Formula appendix</a></p>
<#if (config.guide_pdfs!"false") == "true">
<p class="downloads"><a href="${root}guide.pdf">Guide (PDF)</a> · <a href="${root}formula-appendix.pdf">Appendix (PDF)</a></p>
</#if>
</nav>
<main id="main">
<#nested>
</main>
<#if toc?has_content>
<nav class="page-toc" aria-label="On this page">
<h2>On this page</h2>
${toc}
</nav>
</#if>
</div>
<script src="${root}assets/search-index.js"></script>
<script src="${root}assets/search.js"></script>
</body>
</html>
</#macro>
