<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<@page title=content.title root=root chapterUri=content.uri description="Every formula of the guide with its symbols, units, where it is used and how it was verified.">
<article class="appendix">
${content.body}
</article>
</@page>
