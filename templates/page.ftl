<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<@page title=content.title root=root toc=(content.toc)![] chapterUri=content.uri description=(content.description)!"" ogType="article">
<article class="chapter" data-chapter="${(content.chapter_number)!""}">
${content.body}
</article>
<#if content.calc_script??>
<#-- The calculators: this page's generated formulas and inputs, then the shared runtime that builds the forms. -->
<script src="${root}${content.calc_script}"></script>
<script src="${root}assets/calc.js"></script>
</#if>
<nav class="prev-next" aria-label="Previous and next chapter">
<#if content.prev_uri??><a class="prev" rel="prev" href="${root}${content.prev_uri}">Previous: ${content.prev_title?html}</a></#if>
<#if content.next_uri??><a class="next" rel="next" href="${root}${content.next_uri}">Next: ${content.next_title?html}</a><#else><a class="next" rel="next" href="${root}formula-appendix.html">Next: Formula appendix</a></#if>
</nav>
<#if content.edit_url?? && content.edit_url?has_content>
<p class="edit"><a href="${content.edit_url}">Edit this page</a> · every formula and number on it is checked by the build.</p>
</#if>
</@page>
