<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<@page title=content.title root=root chapterUri=content.uri description="Every formula of the guide with its symbols, units, where it is used and how it was verified.">
<article class="appendix">
${content.body}
</article>
<#-- Every formula's calculator: the generated formulas, then the shared runtime that builds the forms. -->
<script src="${root}calc/formula-appendix.js"></script>
<script src="${root}assets/calc.js"></script>
</@page>
