package pdf

import (
	"bytes"
	"encoding/xml"
	"time"
)

// xmp is the workbook's XMP metadata (ISO 16684-1): the title, author,
// language and dates of the document information, where PDF/UA expects
// them (dc:title in particular). It claims no conformance (no
// pdfuaid:part): the workbooks have not been through a PDF/UA validator.
func xmp(title, author, lang string, at time.Time) []byte {
	var b bytes.Buffer
	esc := func(s string) { _ = xml.EscapeText(&b, []byte(s)) }
	b.WriteString("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n" +
		"<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
	esc(title)
	b.WriteString("</rdf:li></rdf:Alt></dc:title>\n")
	if author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>")
		esc(author)
		b.WriteString("</rdf:li></rdf:Seq></dc:creator>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>")
	esc(lang)
	date := at.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString("</rdf:li></rdf:Bag></dc:language>\n<xmp:CreatorTool>workbook</xmp:CreatorTool>\n" +
		"<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n" +
		"<pdf:Producer>FPDF 1.7</pdf:Producer>\n</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}
