<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<@page title=content.title root=root chapterUri=content.uri description="The guide's formulas, hardware and model figures and rules of thumb on a few printable pages, every one verified.">
<article class="card">
${content.body}
</article>
</@page>
