<#include "layout.ftl">
<@page title="Contents" root="" chapterUri="index.html" description=(config.site_description)!"">
<article class="home">
<h1 id="top">${config.site_title?html}</h1>
<p class="lead">${(config.site_description!"")?html}</p>
<h2 id="contents">Contents</h2>
<ol class="contents">
<#list published_pages?sort_by("book_order") as ch>
<li><a href="${ch.uri}">${ch.title?html}</a><#if ch.description??><p>${ch.description?html}</p></#if></li>
</#list>
<li><a href="formula-appendix.html">Formula appendix</a><p>Every formula with its symbols, units, where it is used and how it was verified.</p></li>
<#if (config.guide_card!"false") == "true">
<li><a href="quick-reference.html">Quick reference</a><p>The formulas, figures and rules of thumb to know by heart, on a few printed pages.</p></li>
</#if>
</ol>
<h2 id="print">Print and offline</h2>
<#if (config.guide_pdfs!"false") == "true">
<p>The whole guide as <a href="guide.pdf">one PDF</a>, and the <a href="formula-appendix.pdf">formula appendix as a PDF</a> to print.</p>
<#if (config.guide_card!"false") == "true">
<p>The <a href="quick-reference.pdf">quick-reference card as a PDF</a>, for the night before.</p>
</#if>
</#if>
<p>This site needs no network: it works from a folder on your disk.</p>
</article>
</@page>
