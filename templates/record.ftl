<#include "layout.ftl">
<#assign root = (content.rootpath)!"">
<#-- A chapter's verification record (SiteBaker, GuideBlockNodeRenderer.renderRecord): the evidence behind its worked examples, kept off the chapter's page so the chapter stays light to read. -->
<@page title=content.title root=root chapterUri=content.uri description="The code each worked example of ${content.chapter_title} ran when the guide was built, and the data it cites.">
<article class="record">
<h1>Verification record</h1>
<p class="lead">What the build ran for each worked example of <a href="${root}${content.chapter_uri}">${content.chapter_title?html}</a>: the code, each claim with the value computed for it, and the data the examples and figures cite, with their sources.</p>
${content.body}
</article>
</@page>
