<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<@page title=content.title root=root chapterUri=content.uri>
<article class="appendix">
${content.body}
</article>
</@page>
