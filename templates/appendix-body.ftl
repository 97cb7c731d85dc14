<#ftl output_format="HTML" strip_whitespace=true>
<#-- The formula appendix's body, from the verified guide (FormulaAppendix builds the model): formulas
     grouped by the chapter and section that explain them, then the notation. Math images arrive as
     markup from the math renderer; every other value is escaped here. What only the build needs
     (the reference method, the seed) is marked .provenance, which print leaves out. FormulaAppendix
     gives every h2 and h3 its self-link, as chapters have. -->
<h1 id="formula-appendix">Formula appendix</h1>
<p class="lead">Every formula of the guide, grouped by the chapter and section that explain it. Each one was checked for units and compared with an independent Java implementation on random inputs before this page was built.</p>
<nav class="appendix-index" aria-labelledby="appendix-index">
<h2 id="appendix-index">Index</h2>
<ol>
<#list chapters as c>
<#-- numbered as the book numbers chapters, which is how "Worked examples" names them -->
<li value="${c.number?c}"><a href="#${c.id}">${c.title}</a><#if (c.sections?size > 1) || c.sections[0].title != c.title>: <#list c.sections as s><a href="#${s.id}">${s.title}</a><#sep> · </#sep></#list></#if></li>
</#list>
</ol>
<p><a href="#notation">Notation</a></p>
</nav>
<#list chapters as c>
<section class="appendix-topic">
<h2 id="${c.id}">${c.title}</h2>
<#list c.sections as s>
<#if s.title != c.title><h3 id="${s.id}">${s.title}</h3><#else><span id="${s.id}"></span></#if>
<#list s.formulas as f>
<section class="appendix-entry" id="${f.id}">
<div class="formula-math">${f.img?no_esc}</div>
<dl class="where">
<#list f.symbols as s>
<dt>${s.img?no_esc}</dt><dd>${s.meaning}<#if s.unit?has_content> <span class="unit">[${s.unit}]</span></#if></dd>
</#list>
</dl>
<p class="defined"><code>${f.id}</code>, explained in <a href="${f.defined.href}">${f.defined.chapter}: ${f.defined.title}</a>.</p>
<p class="used">Worked examples: <#list f.usedBy as u><a class="chapter" href="${u.href}">${u.chapter}</a><#if u.sections?has_content>: <#list u.sections as s><a href="${s.href}">${s.title}</a><#sep>, </#sep></#list></#if><#sep>; </#sep><#else>none yet</#list>.</p>
<p class="verified provenance">Verified: agrees with <code>${f.reference}</code> on ${f.tries} random inputs drawn with seed ${f.seed} (relative tolerance 10⁻⁹); both sides have the same unit.</p>
</section>
</#list>
</#list>
</section>
</#list>
<h2 id="notation">Notation</h2>
<#-- A th in a row of th cells heads its column: no scope attribute needed. tabindex: on a phone the
     table scrolls inside its own box (guide.css), which a keyboard must be able to reach. -->
<table class="notation" tabindex="0">
<thead><tr><th>symbol</th><th>name</th><th>meaning</th><th>unit</th><th>tested over</th></tr></thead>
<tbody>
<#list symbols as s>
<tr id="sym-${s.name}"><td>${s.img?no_esc}</td><td><code>${s.name}</code></td><td>${s.meaning}</td><td>${s.unit}</td><td>${s.range}</td></tr>
</#list>
</tbody>
</table>
